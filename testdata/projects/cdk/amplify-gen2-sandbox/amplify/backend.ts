import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';

// The backend of the app: sign-in only, for now.
defineBackend({
  auth,
});

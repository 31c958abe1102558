import { Stack, StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

// Users of the production site.
export class AuthStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    // Sign-in with a password only, for now.
    const pool =
    new cognito.UserPool(this, 'UserPool', {
      mfa: cognito.Mfa.OFF,
      selfSignUpEnabled: false,
    });
    pool.addClient('WebClient');
  }
}

// The construct definitions of the stack-traces app, kept apart from app.ts so
// that the recorded creation stack traces point at lines of this file.
import * as cdk from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

export class AuthStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    const userPool = new cognito.UserPool(this, 'UserPool');

    userPool.addClient('WebClient', {
      oAuth: { callbackUrls: ['https://example.com'] },
    });

    userPool.addClient('SecureClient', {
      oAuth: { flows: { authorizationCodeGrant: true } },
      preventUserExistenceErrors: true,
    });
  }
}

// plain-stack: one stack with an L2 UserPool on CDK defaults and two app clients.
//
// Synthesized by ../regenerate.sh into ./cdk.out (run from this directory).
import * as cdk from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';

const app = new cdk.App({
  outdir: 'cdk.out',
  // No AWS::CDK::Metadata resource (version reporting).
  analyticsReporting: false,
  context: {
    // What `cdk synth` (the CLI) puts in the context by default, so that
    // templates carry aws:cdk:path / asset metadata as in a CLI synth.
    'aws:cdk:enable-path-metadata': true,
    'aws:cdk:enable-asset-metadata': true,
    'aws:cdk:bundling-stacks': ['**'],
    // Don't record creation stack traces (they hold absolute paths of the
    // machine that synthesized); CDK_DEBUG=true would turn them back on.
    'aws:cdk:disable-creation-stack-traces': true,
  },
});

const stack = new cdk.Stack(app, 'AuthStack');

// L2 defaults: no MFA, no threat protection (advanced security) settings.
const userPool = new cognito.UserPool(stack, 'UserPool');

// CDK's OAuth defaults: implicit grant + authorization code grant, all scopes
// including aws.cognito.signin.user.admin; preventUserExistenceErrors unset.
userPool.addClient('WebClient', {
  oAuth: { callbackUrls: ['https://example.com'] },
});

userPool.addClient('SecureClient', {
  oAuth: { flows: { authorizationCodeGrant: true } },
  preventUserExistenceErrors: true,
});

app.synth();

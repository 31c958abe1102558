// stage: a cdk.Stage named Prod holding two stacks, so the cloud assembly has a
// nested assembly directory (cdk.out/assembly-Prod) for the stage.
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

const prod = new cdk.Stage(app, 'Prod');

const authStack = new cdk.Stack(prod, 'ProdAuth');
new cognito.UserPool(authStack, 'UserPool', {
  mfa: cognito.Mfa.REQUIRED,
  mfaSecondFactor: { sms: true, otp: false },
});

const apiStack = new cdk.Stack(prod, 'ProdApi');
new cognito.UserPool(apiStack, 'ApiUserPool', {
  mfa: cognito.Mfa.OPTIONAL,
});

app.synth();

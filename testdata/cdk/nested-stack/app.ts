// nested-stack: ParentStack holds a cdk.NestedStack AuthNested with a user pool
// (threat protection in audit-only mode) and a client with the implicit grant.
// The nested template is written as a *.nested.template.json file asset that the
// parent template references through an AWS::CloudFormation::Stack resource.
//
// AdvancedSecurityMode is deprecated in aws-cdk-lib 2.x; its replacement
// featurePlan PLUS + standardThreatProtectionMode AUDIT_ONLY is used instead.
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

const parent = new cdk.Stack(app, 'ParentStack');

const nested = new cdk.NestedStack(parent, 'AuthNested');

const userPool = new cognito.UserPool(nested, 'UserPool', {
  featurePlan: cognito.FeaturePlan.PLUS,
  standardThreatProtectionMode: cognito.StandardThreatProtectionMode.AUDIT_ONLY,
});

userPool.addClient('ImplicitClient', {
  oAuth: {
    flows: { implicitCodeGrant: true },
    callbackUrls: ['https://example.com'],
  },
});

app.synth();

// stack-traces: the plain-stack app, with its stack defined in lib/auth-stack.ts,
// synthesized with CDK_DEBUG=true so that the assembly records the creation
// stack trace of each construct.
//
// Synthesized by ../regenerate.sh into ./cdk.out (run from this directory).
import * as cdk from 'aws-cdk-lib';
import { AuthStack } from './lib/auth-stack';

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
    // Same as the other apps: creation stack traces are off unless the
    // environment has CDK_DEBUG=true, which regenerate.sh sets for this app.
    'aws:cdk:disable-creation-stack-traces': true,
  },
});

new AuthStack(app, 'AuthStack');

app.synth();

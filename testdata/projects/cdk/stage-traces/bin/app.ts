import { App, Stage } from 'aws-cdk-lib';
import { AuthStack } from '../lib/auth-stack';

const app = new App();
const prod = new Stage(app, 'Prod');
new AuthStack(prod, 'AuthStack');

// The coglint extension: starts `coglint server` (LSP over stdio) for the files coglint reads.
// Everything else (diagnostics, quick fixes, hover, watching coglint.toml and cdk.out) is the
// server's; see docs/editors.md.

import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const command = vscode.workspace.getConfiguration("coglint").get<string>("path") || "coglint";
  const serverOptions: ServerOptions = {
    command,
    args: ["server"],
    transport: TransportKind.stdio,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "yaml" },
      { scheme: "file", language: "json" },
      { scheme: "file", language: "terraform" },
      { scheme: "file", pattern: "**/*.{tf,tfvars,template}" },
      { scheme: "file", pattern: "**/coglint.toml" },
      // A CDK app's source: findings of its synthesized templates land on the lines that
      // created the constructs.
      { scheme: "file", language: "typescript" },
      { scheme: "file", language: "javascript" },
      { scheme: "file", language: "python" },
    ],
  };
  client = new LanguageClient("coglint", "coglint", serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  if (client) {
    await client.stop();
    client = undefined;
  }
}

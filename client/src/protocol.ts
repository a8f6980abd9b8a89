/**
 * Dossier's custom LSP messages as the client sees them: the server's own
 * declarations (they depend only on `vscode-languageserver-protocol`).
 */
export * from '../../server/src/lsp/protocol';

import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed GraphQL documents from the server's schema. Every operation the UI sends is written with
// graphql(`...`) in a file under src/ and becomes a typed string document in src/gql/. With
// persistedDocuments, each document carries its SHA-256 (document.__meta__.hash) and
// src/gql/persisted-documents.json maps hash → text: the server's allow-list of the UI's
// operations (see internal/httpapi/trusted.go).
const config: CodegenConfig = {
  schema: '../graph/schema/*.graphqls',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumType: 'const',
        scalars: { Time: 'string', FactorBreakdown: 'unknown', JSON: 'unknown' },
      },
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { hashAlgorithm: 'sha256', mode: 'replaceDocumentWithHash' },
      },
    },
  },
};

export default config;

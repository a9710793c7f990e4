import neostandard, { resolveIgnoresFromGitignore } from 'neostandard'

export default [
  ...neostandard({
    ts: true,
    ignores: resolveIgnoresFromGitignore(),
  }),
  {
    rules: {
      // A TypeBox schema and its static type share a name (`const X = Type.Object(...)`, `type X = Static<typeof X>`);
      // the compiler already rejects real redeclarations.
      '@typescript-eslint/no-redeclare': 'off',
    },
  },
]

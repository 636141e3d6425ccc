// ESLint for the web application and its browser journeys (`npm run lint`, run by the Maven build).
import js from '@eslint/js';
import globals from 'globals';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['target/', 'node_modules/', 'src/openapi.d.ts'] },
  {
    files: ['src/**/*.{ts,tsx}', 'vite.config.ts', 'vite.widget.config.ts'],
    extends: [
      js.configs.recommended,
      ...tseslint.configs.recommended,
      reactHooks.configs.flat.recommended,
      jsxA11y.flatConfigs.recommended,
    ],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // The React Compiler's rules (react-hooks 6+): the application is not built with the React Compiler, and
      // these flag the plain patterns it uses on purpose (loading in an effect and setting state with the
      // result, reading Date.now() for "due in" labels, refs read while rendering for keyboard focus).
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/purity': 'off',
      'react-hooks/refs': 'off',
      'react-hooks/immutability': 'off',
      'react-hooks/globals': 'off',
    },
  },
  {
    files: ['e2e/**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);

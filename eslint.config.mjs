// Lints what ships (nodes/, credentials/, package.json) with the same rule sets as n8n's
// community-package scanner (@n8n/scan-community-package buildScanConfig), plus typescript-eslint;
// and the tests with typescript-eslint's recommended rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesPlugin from 'eslint-plugin-n8n-nodes-base';

export default tseslint.config(
	{
		ignores: [
			'dist/**',
			'node_modules/**',
			// Owned by other changes for now: the sandboxes are being converted to typed, linted code,
			// and the real-n8n suite moves with the rest of the real-n8n tooling. Lint them there.
			'test/sandbox/**',
			'test/e2e/**',
			'scripts/**',
			'examples/**',
			'docs/**',
			'*.js',
			'*.mjs',
			'coverage/**',
			'.demo/**',
		],
	},
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
		extends: [js.configs.recommended, ...tseslint.configs.recommended],
	},
	{
		...n8nCommunityNodesPlugin.configs.recommended,
		files: ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'],
	},
	{ files: ['nodes/**/*.ts', 'credentials/**/*.ts'], rules: { 'no-console': 'error' } },
	{ plugins: { 'n8n-nodes-base': n8nNodesPlugin } },
	{ files: ['package.json'], rules: { ...n8nNodesPlugin.configs.community.rules } },
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...n8nNodesPlugin.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		rules: {
			...n8nNodesPlugin.configs.nodes.rules,
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
	{
		files: ['test/**/*.ts'],
		extends: [js.configs.recommended, ...tseslint.configs.recommended],
		rules: {
			// The sandboxes and the real-n8n tooling are plain CommonJS until they are converted.
			'@typescript-eslint/no-require-imports': [
				'error',
				{ allow: ['/sandbox/', '/e2e/', '/real-n8n/'] },
			],
			'@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
		},
	},
	{
		files: ['test/**/*.js'],
		extends: [js.configs.recommended],
		languageOptions: {
			sourceType: 'commonjs',
			globals: {
				require: 'readonly',
				module: 'writable',
				__dirname: 'readonly',
				process: 'readonly',
			},
		},
	},
	{
		files: ['**/*.json'],
		languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
	},
);

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'benchmark_output/**'],
    testTimeout: 60_000,
  },
});

#!/usr/bin/env node
// Entry point of `helm-server`: registers the TypeScript loader (tsx), then runs pipelines/serve.ts.
import { register } from 'tsx/esm/api';

register();
await import('./serve.ts');

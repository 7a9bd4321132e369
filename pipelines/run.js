#!/usr/bin/env node
// Entry point of `helm-run`: registers the TypeScript loader (tsx), then runs pipelines/run.ts.
import { register } from 'tsx/esm/api';

register();
await import('./run.ts');

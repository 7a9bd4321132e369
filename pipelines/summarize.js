#!/usr/bin/env node
// Entry point of `helm-summarize`: registers the TypeScript loader (tsx), then runs pipelines/summarize.ts.
import { register } from 'tsx/esm/api';

register();
await import('./summarize.ts');

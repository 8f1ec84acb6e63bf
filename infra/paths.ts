import { fileURLToPath } from 'node:url'

/**
 * The repository root, found from this file rather than the working directory, so `npx cdk` run
 * from `infra/` and vitest run from the root bundle the same files into the same assets.
 */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '')

/** An absolute path to a file in the repository, e.g. `fromRoot('functions/lambda/api.ts')`. */
export const fromRoot = (relative: string): string => `${REPO_ROOT}/${relative}`

import { createApiApp } from './api-app.js'
import type { AppDeps } from './context.js'
import { mountTools } from './tools-app.js'

export { MAX_BODY_BYTES } from './api-app.js'

/** The whole journal API, as `npm start` serves it: the everyday API plus the owner's tools. */
export function createApp(deps: AppDeps) {
  return mountTools(createApiApp(deps))
}

export type App = ReturnType<typeof createApp>

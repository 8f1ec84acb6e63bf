import { compareBundles } from './lambda-bundle.js'
for (let i = 0; i < 3; i++) {
  const [r, a] = await compareBundles('bench/reference/minimal-handler.ts', 'functions/lambda/api.ts', 25)
  console.log(`size ${a.bytes}/${r.bytes} = ${(a.bytes / r.bytes).toFixed(3)}  init ${a.initMs.toFixed(1)}/${r.initMs.toFixed(1)} = ${(a.initMs / r.initMs).toFixed(3)}`)
}

// altcha-lib declares its types through package.json `exports`, which the workspace's `node`
// module resolution does not read; these point the two entry points used here at them.
declare module 'altcha-lib' {
  export * from 'altcha-lib/dist/cjs/v2/index';
}
declare module 'altcha-lib/algorithms/sha' {
  export * from 'altcha-lib/dist/cjs/v2/algorithms/sha';
}

// Jest's ES module loader refuses a CommonJS package (@willsoto/nestjs-prometheus) that require()s
// @nestjs/common while @nestjs/common is still loading in the same import graph (Node itself
// copes). Loading @nestjs/common on its own before each test file sidesteps that, so tests can
// import the apps statically.
await import('@nestjs/common');

// type-graphql and TypeORM read decorator metadata: load the polyfill before any test module.
require('reflect-metadata');

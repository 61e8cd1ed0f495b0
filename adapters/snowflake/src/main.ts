#!/usr/bin/env node
// Placeholder until the adapter lands in this branch.
process.exitCode = 1;

#!/usr/bin/env node
// The `bling` command (package.json "bin"): the CLI is TypeScript, run from source through tsx's
// require hook, so `npx bling` works from a checkout with no build step.
"use strict";
require("tsx/cjs/api").register();
require("../bling.ts");

#!/usr/bin/env node
import { serveSnowflake } from "./serve-snowflake.js";

serveSnowflake();

#!/usr/bin/env node
import { serveFivetran } from "./serve-fivetran.js";

serveFivetran();

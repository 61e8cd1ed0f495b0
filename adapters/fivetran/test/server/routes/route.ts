import type { RouteResponse } from "../envelope.js";
import type { FivetranAccount } from "../fixture.js";

/** One endpoint of the test server: a GET path pattern and what it answers. */
export interface Route {
  readonly pattern: RegExp;
  handle(match: RegExpMatchArray, query: URLSearchParams, account: FivetranAccount): RouteResponse;
}

import type { SqlParseOutcome } from "@rocky/protocol";
import { parseableSql } from "./check-model-sql.js";
import type { ParseSql } from "./compile-models.js";
import type { ReadModel } from "./load-model.js";

/** Texts per sql/parse request. */
export const PARSE_CHUNK = 1000;

/** The warehouse's parser, and what the parse cache already knows (those texts are not sent). */
export interface PrefetchTarget {
  readonly parseSql: ParseSql;
  readonly known: (sql: string) => boolean;
}

export interface SqlParsePrefetch {
  /** Models just read: their SQL goes to the parser PARSE_CHUNK texts at a time once the target is ready. */
  add(models: readonly ReadModel[]): void;
  /** Every model has been read: the rest goes out now (or as soon as the target is ready). */
  end(): void;
  /** Answers from the requests already sent; texts never sent go out in one more request. */
  readonly parseSql: ParseSql;
}

interface Asked {
  readonly answer: Promise<readonly SqlParseOutcome[]>;
  readonly index: number;
}

/**
 * Asks the warehouse's parser about model SQL while the models are still being read, so that the adapter parses on its
 * own core while the host reads the rest (a cold `rocky plan` of 10,000 models otherwise reads everything, then waits
 * for the parser). `ready` settles once the adapter is up: undefined (or a rejection, reported where the adapter is
 * awaited) means no prefetch. The outcomes are the parser's, whichever request carried a text, so the plan is the same.
 */
export function sqlParsePrefetch(ready: Promise<PrefetchTarget | undefined>): SqlParsePrefetch {
  let target: PrefetchTarget | undefined;
  let settled = false;
  let ended = false;
  const seen = new Set<string>();
  let waiting: string[] = [];
  const asked = new Map<string, Asked>();

  /** Sends the parseable texts not sent yet, in one request. */
  const send = (target: PrefetchTarget, candidates: readonly string[]): void => {
    const texts = [...new Set(candidates)].filter((text) => !asked.has(text));
    if (texts.length === 0) return;
    const answer = target.parseSql(texts).then((outcomes) => {
      if (outcomes.length !== texts.length) throw new Error(`sql/parse answered ${outcomes.length} outcomes for ${texts.length} texts`);
      return outcomes;
    });
    // Awaited (and its failure reported) by parseSql; a plan that stops earlier never looks.
    answer.catch(() => undefined);
    texts.forEach((text, index) => asked.set(text, { answer, index }));
  };
  const flush = (): void => {
    if (!target) return;
    const unknown = waiting.filter((sql) => !target?.known(sql));
    waiting = [];
    for (let i = 0; i < unknown.length; i += PARSE_CHUNK) {
      const chunk = unknown.slice(i, i + PARSE_CHUNK);
      if (chunk.length < PARSE_CHUNK && !ended) {
        waiting = chunk;
        break;
      }
      send(target, chunk.map((sql) => parseableSql(sql).text));
    }
  };
  const armed = ready.then(
    (t) => {
      settled = true;
      target = t;
      flush();
    },
    () => {
      settled = true;
    },
  );

  return {
    add(models) {
      if (settled && !target) return;
      for (const m of models) {
        if (seen.has(m.sql)) continue;
        seen.add(m.sql);
        waiting.push(m.sql);
      }
      if (waiting.length >= PARSE_CHUNK) flush();
    },
    end() {
      ended = true;
      flush();
    },
    async parseSql(texts) {
      await armed;
      const fresh = texts.filter((text) => !asked.has(text));
      if (fresh.length > 0) {
        if (!target) throw new Error("sql/parse prefetch has no parser");
        send(target, fresh);
      }
      return Promise.all(
        texts.map(async (text) => {
          const { answer, index } = asked.get(text) as Asked;
          return (await answer)[index] as SqlParseOutcome;
        }),
      );
    },
  };
}

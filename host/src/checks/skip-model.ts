/** Thrown before a model is built when a table it reads failed its checks: the model is skipped, and so is its downstream. */
export class SkipModel extends Error {
  constructor(
    message: string,
    readonly upstream: string,
  ) {
    super(message);
    this.name = "SkipModel";
  }
}

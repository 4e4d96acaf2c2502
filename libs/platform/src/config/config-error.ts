/** A service refused to start because its environment is incomplete or wrong; names every bad variable at once. */
export class ConfigError extends Error {
  constructor(
    readonly service: string,
    readonly problems: { variable: string; problem: string }[],
  ) {
    super(
      `Invalid configuration for ${service}: ${problems.map((p) => `${p.variable} ${p.problem}`).join('; ')}`,
    );
    this.name = 'ConfigError';
  }
}

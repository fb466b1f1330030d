/**
 * Whether the tests run in CI (`CI` set, as GitHub Actions and `.ci/run` set it): there, what a
 * developer's machine may lack (Chromium, PlantUML) is required, and a check that cannot run fails
 * instead of being skipped with a warning, where a skip would pass unseen.
 */
export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env['CI']?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}

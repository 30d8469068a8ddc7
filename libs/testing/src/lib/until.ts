/**
 * Waits for a condition instead of a fixed sleep: checks every `every` ms until `check` holds, and
 * fails naming `what` past `ms`. A check that throws counts as not yet (a server still starting).
 */
export async function until(check: () => boolean | Promise<boolean>, ms = 15_000, what = 'condition', every = 25): Promise<void> {
  const deadline = Date.now() + ms;
  while (
    !(await Promise.resolve()
      .then(check)
      .catch(() => false))
  ) {
    if (Date.now() > deadline) throw new Error(`${what} not reached within ${ms} ms`);
    await new Promise((r) => setTimeout(r, every));
  }
}

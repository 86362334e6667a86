/**
 * When the launcher looks at a comparison to see whether it has settled: after the minimum of rounds, then at rounds
 * each a third further on (6, 8, 11, 15, 20, 27, 36, 48, 64 with a minimum of 6). Every look is another chance for
 * noise to cross a line, so fewer looks keep optional stopping from inflating false verdicts (launcher/stopping-rule.ts
 * says by how much). The report names the same rounds.
 */
export function isLookRound(counted: number, minRounds: number): boolean {
  for (let look = minRounds; look <= counted; look = Math.max(look + 1, Math.round((look * 4) / 3))) {
    if (look === counted) return true;
  }
  return false;
}

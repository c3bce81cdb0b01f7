/**
 * Unknown commands. `wordflow` alone opens the playground, but a first
 * argument that is not a command is a mistake far more often than a pattern
 * meant for the playground (`wordflow enumm`, `wordflow chekc x y`), so it is
 * an error that names the closest command; the playground on a pattern is
 * spelled `wordflow play PATTERN`.
 */

/** Edit distance with adjacent transpositions (optimal string alignment): chekc → check is 1. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const d = Array.from({ length: x.length + 1 }, (_, i) =>
    Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[x.length]![y.length]!;
}

/** The command closest to `word` (distance ≤ 2, and less than half its length), or null. */
export function closestCommand(word: string, commands: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const c of commands) {
    const d = editDistance(word.toLowerCase(), c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== null && bestDistance <= 2 && bestDistance * 2 < Math.max(word.length, best.length) ? best : null;
}

/**
 * The error message for a command line whose first argument is not a
 * command, or null when it is one (or starts with `-`, or there is none).
 */
export function unknownCommandMessage(args: readonly string[], commands: readonly string[]): string | null {
  const first = args[0];
  if (first === undefined || first.startsWith('-') || commands.includes(first)) return null;
  const near = closestCommand(first, commands);
  const shown = JSON.stringify(first).slice(1, -1);
  return `unknown command '${shown}'${near === null ? '' : ` — did you mean ${near}?`} (the playground on a pattern is \`wordflow play PATTERN\`)`;
}

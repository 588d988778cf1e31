/**
 * restify 11's body reader starts every request body with `new Buffer(0)`, deprecated since Node 10. Until Node has
 * shown that deprecation warning once, every such call captures a stack trace to see whether it came from
 * node_modules (where the warning is not shown): 4 to 30 µs a request under load. One call from here, with
 * deprecation warnings muted for just that call, counts as the warning shown, and Node never checks again.
 *
 * Safe whichever way the libraries move: should restify stop calling Buffer(), or Node drop the check, this is one
 * cheap call at start-up. It mutes no other warning. The only one it settles is DEP0005 itself, which this project's
 * own code never triggers (it has no Buffer() call) and which Node hides for dependencies anyway.
 */
export function settleBufferDeprecationCheck(): void {
  const muted = process.noDeprecation;
  process.noDeprecation = true;
  try {
    new (Buffer as unknown as new (size: number) => Buffer)(0);
  } finally {
    process.noDeprecation = muted;
  }
}

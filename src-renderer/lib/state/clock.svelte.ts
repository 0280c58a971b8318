/**
 * One shared ticking clock for the whole window, aligned to the second boundary so every
 * timer on screen flips together (broadcast clocks that drift apart are not trusted).
 */
class Clock {
  now = $state(Date.now());
  #timer: ReturnType<typeof setTimeout> | null = null;
  #users = 0;

  /** Starts ticking while at least one user holds it; returns the release function. */
  hold(): () => void {
    this.#users += 1;
    if (this.#users === 1) this.#tick();
    return () => {
      this.#users -= 1;
      if (this.#users === 0 && this.#timer) {
        clearTimeout(this.#timer);
        this.#timer = null;
      }
    };
  }

  #tick = () => {
    this.now = Date.now();
    this.#timer = setTimeout(this.#tick, 1_000 - (this.now % 1_000) + 5);
  };
}

export const clock = new Clock();

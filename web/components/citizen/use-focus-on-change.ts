"use client";
/** Moves focus to a heading when the step it heads appears, so keyboard and screen-reader users follow. */
import { useEffect, useRef, type RefObject } from "react";

export function useFocusOnChange<T extends HTMLElement>(step: unknown): RefObject<T | null> {
  const ref = useRef<T | null>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    ref.current?.focus();
  }, [step]);
  return ref;
}

"use client";
import type { ReactNode } from "react";
import { AfterHydration } from "../../components/after-hydration";
import { CouncilApp } from "../../components/council/council-app";

export default function CouncilPage(): ReactNode {
  return (
    <AfterHydration>
      <CouncilApp />
    </AfterHydration>
  );
}

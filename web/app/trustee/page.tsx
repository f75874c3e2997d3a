"use client";
import type { ReactNode } from "react";
import { AfterHydration } from "../../components/after-hydration";
import { TrusteeApp } from "../../components/trustee/trustee-app";

export default function TrusteePage(): ReactNode {
  return (
    <AfterHydration>
      <TrusteeApp />
    </AfterHydration>
  );
}

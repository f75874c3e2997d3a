"use client";
import type { ReactNode } from "react";
import { TrusteeApp } from "../../components/trustee/trustee-app";

export default function TrusteePage(): ReactNode {
  return <TrusteeApp />;
}

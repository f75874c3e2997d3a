"use client";
import type { ReactNode } from "react";
import { CeremonyApp } from "../../components/ceremony/ceremony-app";

export default function CeremonyPage(): ReactNode {
  return <CeremonyApp />;
}

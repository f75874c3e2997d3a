"use client";
import type { ReactNode } from "react";
import { CouncilApp } from "../../components/council/council-app";

export default function CouncilPage(): ReactNode {
  return <CouncilApp />;
}

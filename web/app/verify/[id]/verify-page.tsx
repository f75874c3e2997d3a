"use client";
import type { ReactNode } from "react";
import { useRouteId } from "../../../lib/route-id";

export function VerifyPage(): ReactNode {
  const id = useRouteId("verify");
  return <h1 id="probe">verify {String(id)}</h1>;
}

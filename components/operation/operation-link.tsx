"use client";

import Link from "next/link";
import { PrefetchKind } from "next/dist/client/components/router-reducer/router-reducer-types";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";
import { isPlainClick, useOpenOperation } from "@/components/auth/opening-operation";
import { permalinkPath, type OperationRef } from "@/lib/azure/operation-ref";

type Props = Omit<ComponentProps<typeof Link>, "href" | "prefetch"> & { operationRef: OperationRef };

/**
 * A link to an operation's page from a list. Never prefetched just for being in view (500 rows must not ask for 500
 * pages); the page is fetched whole, its scripts with it, once the pointer is on the link or it has focus, the moment
 * before a click, so the click finds it at hand instead of waiting on the server. A click shows the page at once
 * either way (components/auth/opening-operation.tsx).
 */
export function OperationLink({ operationRef, onPointerEnter, onFocus, onClick, ...props }: Props) {
  const router = useRouter();
  const openOperation = useOpenOperation();
  const href = permalinkPath(operationRef);
  // Next asks the server once: an answer still fresh in its router cache is reused.
  const prefetch = () => {
    router.prefetch(href, { kind: PrefetchKind.FULL });
  };
  return (
    <Link
      {...props}
      href={href}
      prefetch={false}
      onPointerEnter={(event) => {
        onPointerEnter?.(event);
        prefetch();
      }}
      onFocus={(event) => {
        onFocus?.(event);
        prefetch();
      }}
      onClick={(event) => {
        onClick?.(event);
        if (isPlainClick(event, props.target)) openOperation(operationRef);
      }}
    />
  );
}

import { Button } from "@/components/ui/button";

/** A row's Remove (cards and table alike): it names the operation, and the dashboard offers Undo. */
export function RemoveButton({ operationKey, described, onRemove }: { operationKey: string; described: string; onRemove: (key: string) => void }) {
  return (
    <Button
      variant="danger"
      size="sm"
      aria-label={`Remove ${described} from the watch list`}
      onClick={() => {
        onRemove(operationKey);
      }}
    >
      Remove
    </Button>
  );
}

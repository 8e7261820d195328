package nl.horizon.ingest.folder;

import nl.horizon.ingest.SingleTaskConnector;

/**
 * Kafka Connect source connector for a drop folder: the post network's situation reports, or event
 * tables delivered as files (ACLED, UCDP, GDELT). Every item goes onto its raw topic once, or onto the
 * dead-letter topic with the reason.
 */
public final class DropFolderConnector extends SingleTaskConnector {

    public DropFolderConnector() {
        super(DropFolderConfig.DEFINITION, DropFolderConfig::new, DropFolderTask.class);
    }
}

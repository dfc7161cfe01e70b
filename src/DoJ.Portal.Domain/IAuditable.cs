namespace DoJ.Portal.Domain;

/// <summary>Marks an entity whose changes are written to the audit log.</summary>
public interface IAuditable;


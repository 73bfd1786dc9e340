package io.openpmo.modelchange;

/** A file of a model change, with the SHA-256 of the version in force when it was proposed (null: new file). */
record ModelChangeFile(Long modelChangeId, String fileName, String kind, byte[] content, String sha256,
    String previousSha256) {

  ModelFile toModelFile() {
    return new ModelFile(fileName, ModelKind.valueOf(kind), content, sha256);
  }
}

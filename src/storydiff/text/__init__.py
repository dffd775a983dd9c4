"""Text handling shared by every stage: normalisation, language, sentences, tokens."""

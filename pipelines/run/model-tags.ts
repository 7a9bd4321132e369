/** @module HELM's model metadata tags (`benchmark/model_metadata_registry.py`) that change how runs are built. */

export const TEXT_MODEL_TAG = 'TEXT_MODEL_TAG';
export const CODE_MODEL_TAG = 'CODE_MODEL_TAG';
export const FULL_FUNCTIONALITY_TEXT_MODEL_TAG = 'FULL_FUNCTIONALITY_TEXT_MODEL_TAG';
export const LIMITED_FUNCTIONALITY_TEXT_MODEL_TAG = 'LIMITED_FUNCTIONALITY_TEXT_MODEL_TAG';
export const INSTRUCTION_FOLLOWING_MODEL_TAG = 'INSTRUCTION_FOLLOWING_MODEL_TAG';
export const TEXT_TO_IMAGE_MODEL_TAG = 'TEXT_TO_IMAGE_MODEL_TAG';
export const VISION_LANGUAGE_MODEL_TAG = 'VISION_LANGUAGE_MODEL_TAG';
export const AUDIO_LANGUAGE_MODEL_TAG = 'AUDIO_LANGUAGE_MODEL_TAG';
export const ABLATION_MODEL_TAG = 'ABLATION_MODEL_TAG';
export const DEPRECATED_MODEL_TAG = 'DEPRECATED_MODEL_TAG';
export const UNSUPPORTED_MODEL_TAG = 'UNSUPPORTED_MODEL_TAG';

/** Models that strip newlines: generation/MCJ runs stop on `###` instead (StopRunExpander("hash")). */
export const NO_NEWLINES_TAG = 'NO_NEWLINES_TAG';
/** Models that need the `[NLG]` mode prefix (GlobalPrefixRunExpander("nlg")). */
export const NLG_PREFIX_TAG = 'NLG_PREFIX_TAG';
/** Models prompted in ChatML (ChatMLRunExpander). */
export const CHATML_MODEL_TAG = 'CHATML_MODEL_TAG';
export const ANTHROPIC_CLAUDE_1_MODEL_TAG = 'ANTHROPIC_CLAUDE_1_MODEL_TAG';
export const ANTHROPIC_CLAUDE_2_MODEL_TAG = 'ANTHROPIC_CLAUDE_2_MODEL_TAG';
export const ANTHROPIC_CLAUDE_3_MODEL_TAG = 'ANTHROPIC_CLAUDE_3_MODEL_TAG';
export const GOOGLE_GEMINI_PRO_VISION_V1_TAG = 'GOOGLE_GEMINI_PRO_VISION_V1_TAG';
export const IDEFICS_MODEL_TAG = 'IDEFICS_MODEL_TAG';
export const IDEFICS_INSTRUCT_MODEL_TAG = 'IDEFICS_INSTRUCT_MODEL_TAG';
export const LLAVA_MODEL_TAG = 'LLAVA_MODEL_TAG';
export const OPEN_FLAMINGO_MODEL_TAG = 'OPEN_FLAMINGO_MODEL_TAG';
/** Models that emit garbage at temperature 0: HELM raises their temperature by 1e-4. */
export const BUGGY_TEMP_0_TAG = 'BUGGY_TEMP_0_TAG';

export default defineBackground(() => {
  // Collectors are wired in the next commit.
});
